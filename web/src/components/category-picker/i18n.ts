/** Strings of the category picker (components/category-picker), registered as `categoryPicker` in web/src/i18n. */
export const categoryPickerI18n = {
  zhCN: {
    search: '搜索类别',
    placeholder: '名称或编码，如 占道 或 35-02',
    choose: '选择类别',
    none: '（未选择类别）',
    loading: '正在加载类别…',
    count: '显示 {{shown}} / {{total}} 个匹配类别',
  },
  en: {
    search: 'Search categories',
    placeholder: 'Name or code, e.g. 占道 or 35-02',
    choose: 'Choose a category',
    none: '(no category chosen)',
    loading: 'Loading categories…',
    count: 'Showing {{shown}} of {{total}} matching categories',
  },
};
